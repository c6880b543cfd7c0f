// Runs against the compiled output: `npm test` builds first.
process.env.NODE_ENV = "test";

const test = require("node:test");
const assert = require("node:assert");
const http = require("node:http");
const { createApp } = require("../dist/app");

function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: data ? { "content-type": "application/json", "content-length": Buffer.byteLength(data) } : {},
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

test("node-api endpoints", async (t) => {
  const server = createApp().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = server.address().port;

  try {
    await t.test("GET /health", async () => {
      const res = await request(port, "GET", "/health");
      assert.strictEqual(res.status, 200);
      assert.strictEqual(res.body.status, "ok");
    });

    await t.test("GET /api/todos", async () => {
      const res = await request(port, "GET", "/api/todos");
      assert.strictEqual(res.status, 200);
      assert.strictEqual(res.body.length, 2);
    });

    await t.test("POST /api/todos then GET it", async () => {
      const created = await request(port, "POST", "/api/todos", { title: "Ship it" });
      assert.strictEqual(created.status, 201);
      const res = await request(port, "GET", `/api/todos/${created.body.id}`);
      assert.strictEqual(res.status, 200);
      assert.strictEqual(res.body.title, "Ship it");
    });

    await t.test("POST /api/todos without a title", async () => {
      const res = await request(port, "POST", "/api/todos", {});
      assert.strictEqual(res.status, 400);
    });

    await t.test("unknown todo and unknown route are 404", async () => {
      assert.strictEqual((await request(port, "GET", "/api/todos/999")).status, 404);
      assert.strictEqual((await request(port, "GET", "/nope")).status, 404);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
