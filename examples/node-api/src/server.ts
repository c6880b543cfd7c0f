import { createApp } from "./app";

const port = Number(process.env.PORT) || 3000;

const server = createApp().listen(port, () => {
  console.log(`node-api listening on port ${port}`);
});

function shutdown(signal: string) {
  console.log(`${signal} received, shutting down`);
  server.close(() => process.exit(0));
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
