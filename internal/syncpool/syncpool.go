// Package syncpool recognises sync.Pool and its methods, once for every
// pass.
package syncpool

import "go/types"

// IsPool reports whether t is sync.Pool (not a pointer to it).
func IsPool(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "sync" && named.Obj().Name() == "Pool"
}

// Method returns "Get" or "Put" if fn is that method of sync.Pool, and ""
// otherwise.
func Method(fn *types.Func) string {
	if fn.Name() != "Get" && fn.Name() != "Put" {
		return ""
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if ptr, ok := recv.Type().(*types.Pointer); ok && IsPool(ptr.Elem()) {
		return fn.Name()
	}
	return ""
}
