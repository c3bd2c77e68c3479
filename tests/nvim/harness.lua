-- Drives a real Neovim, headless, as a writer would: open a draft, wait for attrlint's
-- diagnostics, then edit the flagged line back and forth, timing each edit until the
-- diagnostics that follow it arrive. Writes what it saw as JSON to $ATTRLINT_NVIM_RESULT.
local uv = vim.loop
local buf = vim.api.nvim_get_current_buf()
local published = 0
vim.api.nvim_create_autocmd("DiagnosticChanged", {
  callback = function() published = published + 1 end,
})

local function codes()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(out, { line = d.lnum + 1, code = code })
  end
  return out
end

local result = { filetype = vim.bo[buf].filetype, times = {} }
result.opened = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 5)
result.first = codes()

local bad = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
local good = vim.env.ATTRLINT_GOOD_LINE
local rounds = tonumber(vim.env.ATTRLINT_ROUNDS or "6")
for i = 1, rounds do
  vim.wait(tonumber(vim.env.ATTRLINT_PAUSE_MS or "600"))  -- a writer's pause between edits
  local fixed = (i % 2 == 1)
  local before = published
  local t0 = uv.hrtime()
  vim.api.nvim_buf_set_lines(buf, 2, 3, false, { fixed and good or bad })
  local ok = vim.wait(5000, function()
    return published > before and ((#vim.diagnostic.get(buf) == 0) == fixed)
  end, 1)
  table.insert(result.times, ok and (uv.hrtime() - t0) / 1e6 or -1)
  if i == 1 then result.after_fix = codes() end
end
result.last = codes()

local f = io.open(vim.env.ATTRLINT_NVIM_RESULT, "w")
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd("qa!")
