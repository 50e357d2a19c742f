//go:build wasm

package ui

// This file is the raw DEFLATE of links (packSrc) in the browser: the
// browser's CompressionStream and DecompressionStream ("deflate-raw"), which
// keep compress/flate (about 127 KB) out of app.wasm. They are asynchronous:
// deflate and inflate wait for their promises, which only the goroutine of
// go-app's engine (its handlers, OnNav, OnMount) may do, never a function the
// browser calls (js.FuncOf), whose waiting would stop the event loop the
// promise needs. The engine's goroutine waits with the page as it is drawn,
// so a src= link shows its pre-rendered view until the text is read.

import (
	"errors"
	"syscall/js"
)

// deflate compresses b as raw DEFLATE.
func deflate(b []byte) ([]byte, error) {
	return throughStream("CompressionStream", b, -1)
}

// inflate decompresses raw DEFLATE data, up to limit bytes of it.
func inflate(raw []byte, limit int) ([]byte, error) {
	return throughStream("DecompressionStream", raw, limit)
}

// throughStream pipes b through a new stream of the constructor named ctor
// with format "deflate-raw" and returns what comes out, stopping once it
// passes limit bytes (limit < 0: no limit).
func throughStream(ctor string, b []byte, limit int) ([]byte, error) {
	win := js.Global()
	c := win.Get(ctor)
	if !c.Truthy() {
		return nil, errors.New("it has no " + ctor)
	}
	in := win.Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(in, b)
	blob := win.Get("Blob").New([]any{in})
	reader := blob.Call("stream").Call("pipeThrough", c.New("deflate-raw")).Call("getReader")
	var out []byte
	for limit < 0 || len(out) <= limit {
		chunk, err := await(reader.Call("read"))
		if err != nil {
			return nil, err
		}
		if chunk.Get("done").Bool() {
			return out, nil
		}
		v := chunk.Get("value")
		buf := make([]byte, v.Length())
		js.CopyBytesToGo(buf, v)
		out = append(out, buf...)
	}
	reader.Call("cancel")
	return out, nil
}

// await waits for promise p and returns what it resolves to, or an error
// with the reason it is rejected.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	done := make(chan result, 1)
	then := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{v: args[0]}
		return nil
	})
	defer then.Release()
	catch := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-done
	return r.v, r.err
}
