//go:build !wasm

// Command serve serves forklab's web app, and builds and exports it.
//
//	go run ./cmd/serve -build                 build web/, then serve it on 127.0.0.1:8080
//	go run ./cmd/serve                        serve the web/ built earlier
//	go run ./cmd/serve -build -export DIR     build, then write a static site to DIR and exit
//
// -build compiles this same package for js/wasm into web/app.wasm (the front
// end is main_wasm.go), writes app.wasm.gz and app.wasm.br, and copies
// static/ into web/. The server follows later rebuilds without a restart:
// the served Version is a hash of web/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"forklab/internal/webbuild"
	"forklab/internal/webserver"
	"forklab/ui"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("serve: ")

	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	webDir := flag.String("web", "", "web directory: the build output that is served (default: web/ of the module root)")
	build := flag.Bool("build", false, "build the web directory first (app.wasm, its .gz and .br, copies of static/)")
	brotliQ := flag.Int("brotli", webbuild.DefaultBrotliQuality, "brotli quality for -build, 1 to 11 (11 is 13% smaller than the default and takes about 40 s)")
	export := flag.String("export", "", "write a static site for any static host to this directory, then exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./cmd/serve [-build] [-addr host:port | -export DIR] [-web DIR]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	root, rootErr := webbuild.ModuleRoot(".")
	if *webDir == "" {
		if rootErr != nil {
			log.Fatalf("%v; run from the forklab checkout or give -web", rootErr)
		}
		*webDir = filepath.Join(root, "web")
	}

	// Both mains register the routes: the server pre-renders them.
	ui.Register()

	if *build {
		if rootErr != nil {
			log.Fatalf("-build: %v", rootErr)
		}
		res, err := webbuild.Build(ctx, webbuild.Options{
			Root:          root,
			WebDir:        *webDir,
			BrotliQuality: *brotliQ,
			Log:           os.Stderr,
		})
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("built %s: %v", *webDir, res)
	}

	if *export != "" {
		if err := webserver.Export(*webDir, *export); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("exported the static site to %s\n", *export)
		return
	}

	if err := serve(ctx, *addr, *webDir); err != nil {
		log.Fatal(err)
	}
}

func serve(ctx context.Context, addr, webDir string) error {
	h, err := webserver.New(webDir)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Printf("forklab: serving %s (version %s) at %s\n", h.Dir(), h.Version(), listenURL(ln.Addr()))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// listenURL is the URL to open for a listener's address; an unspecified host
// (":8080", "0.0.0.0:8080") is shown as localhost.
func listenURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
