package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func do(t *testing.T, method, path string) (*httptest.ResponseRecorder, map[string]interface{}) {
	t.Helper()
	rec := httptest.NewRecorder()
	newMux().ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	var body map[string]interface{}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("%s %s: body is not JSON: %v", method, path, err)
	}
	return rec, body
}

func TestHealth(t *testing.T) {
	rec, body := do(t, http.MethodGet, "/health")
	if rec.Code != http.StatusOK || body["status"] != "ok" {
		t.Fatalf("got %d %v", rec.Code, body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("content type %q", ct)
	}
}

func TestGreet(t *testing.T) {
	_, body := do(t, http.MethodGet, "/api/greet?name=Gopher")
	if body["message"] != "hello, Gopher" {
		t.Fatalf("got %v", body)
	}
	_, body = do(t, http.MethodGet, "/api/greet")
	if body["message"] != "hello, world" {
		t.Fatalf("got %v", body)
	}
}

func TestInfo(t *testing.T) {
	rec, body := do(t, http.MethodGet, "/api/info")
	if rec.Code != http.StatusOK || body["os"] == nil {
		t.Fatalf("got %d %v", rec.Code, body)
	}
}

func TestErrors(t *testing.T) {
	if rec, _ := do(t, http.MethodPost, "/health"); rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST /health: got %d", rec.Code)
	}
	if rec, _ := do(t, http.MethodGet, "/nope"); rec.Code != http.StatusNotFound {
		t.Fatalf("GET /nope: got %d", rec.Code)
	}
}
