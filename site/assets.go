package site

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// static holds the stylesheet and scripts. editor.js is built from web/
// by esbuild (npm run build in site/web) and committed, so that building
// the workbook needs no Node.
//
//go:embed static
var static embed.FS

// An asset is a file the site serves as it is, compressed once.
type asset struct {
	data, gz []byte
	etag     string
	ctype    string
}

// assets serves the files of static/ under /static/, with the
// highlighting stylesheet, chroma.css, added to site.css, so that a page
// loads one stylesheet.
type assets struct {
	files map[string]*asset
}

func newAssets() (*assets, error) {
	a := &assets{files: map[string]*asset{}}
	css, err := fs.ReadFile(static, "static/chroma.css")
	if err != nil {
		return nil, err
	}
	err = fs.WalkDir(static, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(static, name)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(name, "static/")
		if rel == "chroma.css" {
			return nil
		}
		if rel == "site.css" {
			data = append(data, css...)
		}
		a.files[rel] = newAsset(rel, data)
		return nil
	})
	return a, err
}

func newAsset(name string, data []byte) *asset {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	return &asset{data: data, gz: gzipped(data), etag: `"` + version(data) + `"`, ctype: ctype}
}

func gzipped(data []byte) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.files[strings.TrimPrefix(r.URL.Path, "/static/")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	f.serve(w, r)
}

// serveBytes serves data that is not one of the assets: a lesson's picture.
func (a *assets) serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	newAsset(name, data).serve(w, r)
}

// serve answers with the asset: 304 when the client has it, compressed
// when the client takes gzip. Assets change only with the binary, and
// the client checks again each time (no-cache), so a new workbook's
// pages never run an old script.
func (f *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", f.etag)
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == f.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeBody(w, r, http.StatusOK, f.data, f.gz)
}

// writeBody answers with data, or gz, its compressed form, when the client
// accepts gzip and it is smaller.
func writeBody(w http.ResponseWriter, r *http.Request, code int, data, gz []byte) {
	if gz != nil && len(gz) < len(data) && acceptsGzip(r) {
		w.Header().Set("Content-Encoding", "gzip")
		data = gz
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
