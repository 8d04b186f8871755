package lsp

// RunProxy lets the tests put the proxy in front of a gopls of their own.
var RunProxy = runProxy
