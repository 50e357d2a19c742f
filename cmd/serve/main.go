//go:build !wasm

// Command serve serves forklab's web app, and builds and exports it.
//
//	go run ./cmd/serve -build                 build web/, then serve it on 127.0.0.1:8080
//	go run ./cmd/serve                        serve the web/ built earlier
//	go run ./cmd/serve -build -export DIR     build, then write a static site to DIR and exit
//
// -build compiles this same package for js/wasm into web/app.wasm (the front
// end is main_wasm.go), writes app.wasm.gz and a quick app.wasm.br, and
// copies static/ into web/. The server starts at once and recompresses
// app.wasm.br at the highest brotli quality in the background (about a
// minute on two cores); -export does that first. The server follows later
// rebuilds without a restart: the served Version is a hash of web/.
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
	"strconv"
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
	brotliQ := flag.Int("brotli", webbuild.BestBrotliQuality, "brotli quality of the app.wasm.br served or exported, 1 to 11; -build writes quality "+strconv.Itoa(webbuild.DefaultBrotliQuality)+" at most, and better ones are made in the background")
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
	if err := webbuild.CheckQuality(*brotliQ); err != nil {
		log.Fatalf("-brotli: %v", err)
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
			BrotliQuality: min(*brotliQ, webbuild.DefaultBrotliQuality),
			Log:           os.Stderr,
		})
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("built %s: %v", *webDir, res)
	}

	if *export != "" {
		if err := improve(ctx, *webDir, *brotliQ); err != nil {
			log.Fatal(err)
		}
		if err := webserver.Export(*webDir, *export); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("exported the static site to %s\n", *export)
		return
	}

	if err := serve(ctx, *addr, *webDir, *brotliQ); err != nil {
		log.Fatal(err)
	}
}

// improve raises app.wasm.br in webDir to the brotli quality given, and says
// so when that took work.
func improve(ctx context.Context, webDir string, quality int) error {
	if webbuild.HasBrotliQuality(webDir, quality) {
		return nil
	}
	start := time.Now()
	size, err := webbuild.Improve(ctx, webDir, quality)
	if err != nil {
		return err
	}
	log.Printf("app.wasm.br recompressed at brotli quality %d: %d bytes, in %v", quality, size, time.Since(start).Round(time.Millisecond))
	return nil
}

// serve serves webDir on addr until ctx is done. Meanwhile it raises
// app.wasm.br to brotliQuality; until then the quicker one is served.
func serve(ctx context.Context, addr, webDir string, brotliQuality int) error {
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
	go func() {
		if err := improve(ctx, webDir, brotliQuality); err != nil && ctx.Err() == nil {
			log.Printf("keeping the quicker app.wasm.br: %v", err)
		}
	}()
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
