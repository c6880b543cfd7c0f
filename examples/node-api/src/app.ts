import express, { NextFunction, Request, Response } from "express";
import morgan from "morgan";

export interface Todo {
  id: number;
  title: string;
  done: boolean;
}

// In-memory store: good enough for an example, gone on restart.
export function createApp() {
  const todos: Todo[] = [
    { id: 1, title: "Write a Dockerfile", done: true },
    { id: 2, title: "Make the image small", done: false },
  ];
  let nextId = todos.length + 1;
  const startedAt = Date.now();

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json());
  if (process.env.NODE_ENV !== "test") {
    app.use(morgan("tiny"));
  }

  app.get("/health", (_req: Request, res: Response) => {
    res.json({
      status: "ok",
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      node: process.version,
    });
  });

  app.get("/api/todos", (_req: Request, res: Response) => {
    res.json(todos);
  });

  app.get("/api/todos/:id", (req: Request, res: Response) => {
    const todo = todos.find((t) => t.id === Number(req.params.id));
    if (!todo) {
      res.status(404).json({ error: "todo not found" });
      return;
    }
    res.json(todo);
  });

  app.post("/api/todos", (req: Request, res: Response) => {
    const title = typeof req.body?.title === "string" ? req.body.title.trim() : "";
    if (!title) {
      res.status(400).json({ error: "title is required" });
      return;
    }
    const todo: Todo = { id: nextId++, title, done: false };
    todos.push(todo);
    res.status(201).json(todo);
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: "not found" });
  });

  // Malformed JSON bodies and anything else that throws end up here.
  app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status ?? 500;
    res.status(status).json({ error: status === 500 ? "internal error" : err.message });
  });

  return app;
}
