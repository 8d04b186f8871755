-- Drives Neovim (0.7 or later) with "memlint gopls" as its only Go
-- language server, as a user would: wait for gopls's compile error and
-- memlint's finding in the same file, hover, go to a definition, apply
-- memlint's quick fix from the code action menu, delete the unused
-- variable, save, and stop the server. Every wait is bounded; any failure
-- exits Neovim with status 1.
--
-- Environment: MEMLINT_GOPLS_CMD, the server's command line, words
-- separated by spaces.

local timeout = 120000 -- ms; the first analysis builds export data

local function from(diags, source)
  local found = {}
  for _, d in ipairs(diags) do
    if d.source == source then table.insert(found, d) end
  end
  return found
end

-- wait_diagnostics waits until the buffer's diagnostics satisfy ok.
local function wait_diagnostics(bufnr, what, ok)
  assert(vim.wait(timeout, function() return ok(vim.diagnostic.get(bufnr)) end, 50),
    what .. '; diagnostics: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
end

-- find returns the 0-based line and column of the first s in the buffer.
local function find(bufnr, s)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(s, 1, true)
    if col then return i - 1, col - 1 end
  end
  error('no ' .. s .. ' in the buffer')
end

local function request(bufnr, client_id, method, s)
  local line, col = find(bufnr, s)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
  local answers = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  local answer = answers and answers[client_id]
  assert(answer and answer.result, method .. ' got no answer: ' .. vim.inspect(answers))
  return answer.result
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'gopls',
    cmd = vim.split(os.getenv('MEMLINT_GOPLS_CMD'), ' '),
    root_dir = vim.fn.getcwd(),
  })
  assert(client_id, 'could not start the server')
  vim.lsp.buf_attach_client(bufnr, client_id)

  wait_diagnostics(bufnr, 'want the compile error and the finding', function(diags)
    return #from(diags, 'compiler') == 1 and #from(diags, 'memlint') == 1
  end)
  local finding = from(vim.diagnostic.get(bufnr), 'memlint')[1]
  assert(finding.code == 'fieldalign', 'unexpected finding: ' .. vim.inspect(finding))

  local hover = request(bufnr, client_id, 'textDocument/hover', 'Ts)')
  assert(hover.contents.value:find('var Ts []T', 1, true), 'hover: ' .. vim.inspect(hover))
  local def = request(bufnr, client_id, 'textDocument/definition', 'T, 1000')
  def = def[1] or def
  assert(def.range.start.line == find(bufnr, 'T struct'), 'definition: ' .. vim.inspect(def))

  -- Pick memlint's quick fix from the code action menu, whose items are
  -- { client_id, action } in Neovim 0.7 and { ctx, action } later.
  local picked
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item.action or item[2]
      if action.diagnostics and action.diagnostics[1] and action.diagnostics[1].source == 'memlint' then
        picked = action
        return on_choice(item, i)
      end
    end
    picked = items
    on_choice(nil, nil)
  end
  vim.api.nvim_win_set_cursor(0, { finding.lnum + 1, finding.col })
  vim.lsp.buf.code_action({ only = { 'quickfix' } })
  assert(vim.wait(timeout, function() return vim.bo[bufnr].modified end, 50),
    'the quick fix changed nothing; menu: ' .. vim.inspect(picked))
  wait_diagnostics(bufnr, 'want only the compile error after the fix', function(diags)
    return #diags == 1 and #from(diags, 'compiler') == 1
  end)

  local line = find(bufnr, 'unused :=')
  vim.api.nvim_buf_set_lines(bufnr, line, line + 1, false, {})
  wait_diagnostics(bufnr, 'want no diagnostics once the variable is gone', function(diags) return #diags == 0 end)
  vim.cmd('write')

  vim.lsp.stop_client(client_id)
  assert(vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 50), 'the server did not stop')
end

local ok, err = pcall(run)
if not ok then
  io.stderr:write('gopls.lua: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
