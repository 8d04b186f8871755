-- Drives Neovim (0.7 or later) as a user would: attach memlint's language
-- server to the file being edited, wait for its diagnostic, apply the quick
-- fix through the code action menu, save, and wait for the diagnostic to
-- clear. Every wait is bounded; any failure exits Neovim with status 1.
--
-- Environment: MEMLINT_LSP_CMD, the server's command line, words separated
-- by spaces.

local timeout = 120000 -- ms; the first analysis builds export data

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'memlint',
    cmd = vim.split(os.getenv('MEMLINT_LSP_CMD'), ' '),
    root_dir = vim.fn.getcwd(),
  })
  assert(client_id, 'could not start the server')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local diags
  vim.wait(timeout, function()
    diags = vim.diagnostic.get(bufnr)
    return #diags > 0 or vim.lsp.get_client_by_id(client_id) == nil -- the server exited
  end, 50)
  assert(#diags > 0, 'no diagnostics')
  local d = diags[1]
  assert(d.source == 'memlint' and d.code == 'fieldalign', 'unexpected diagnostic: ' .. vim.inspect(d))

  -- Pick the first item of the code action menu.
  vim.ui.select = function(items, _, on_choice) on_choice(items[1], 1) end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.lsp.buf.code_action({ only = { 'quickfix' } })
  assert(vim.wait(timeout, function() return vim.bo[bufnr].modified end, 50), 'the quick fix changed nothing')
  vim.cmd('write')

  assert(vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) == 0 end, 50),
    'diagnostics remain after the fix: ' .. vim.inspect(vim.diagnostic.get(bufnr)))

  vim.lsp.stop_client(client_id)
  assert(vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 50), 'the server did not stop')
end

local ok, err = pcall(run)
if not ok then
  io.stderr:write('nvim.lua: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
