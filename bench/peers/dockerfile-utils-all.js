#!/usr/bin/env node
// Lints many Dockerfiles with dockerfile-utils in ONE process.
//
// dockerfile-utils' own CLI (`dockerfile-utils lint FILE`) takes exactly one file, so the "whole corpus in one
// process" measurement uses this script instead. It does the same work per file as that CLI: read the file,
// call the library's `validate(content)` with default settings (as the CLI does), and print one line per
// diagnostic. The CLI prints each diagnostic with the offending source line; this script prints a one-line
// `path:line:col: severity: message` form instead, which is about the same amount of output work.
//
// Usage: node dockerfile-utils-all.js [--modules DIR] FILE...
//   --modules DIR   the node_modules folder that holds dockerfile-utils (default: .peers/node_modules here)
// Exit code: 0 when no diagnostic is an error, 1 when some is (like the CLI), 2 on a usage or read error.
'use strict';

const fs = require('fs');
const path = require('path');

let args = process.argv.slice(2);
let modules = path.join(__dirname, '.peers', 'node_modules');
if (args[0] === '--modules') {
    modules = args[1];
    args = args.slice(2);
}
if (args.length === 0) {
    process.stderr.write('usage: node dockerfile-utils-all.js [--modules DIR] FILE...\n');
    process.exit(2);
}

const utils = require(path.join(modules, 'dockerfile-utils'));
const ERROR = 1; // DiagnosticSeverity.Error in vscode-languageserver-types

const out = [];
let errors = 0;
let diagnostics = 0;
for (const file of args) {
    let content;
    try {
        content = fs.readFileSync(file).toString();
    } catch (e) {
        process.stderr.write(`dockerfile-utils-all: ${file}: ${e.message}\n`);
        process.exit(2);
    }
    for (const d of utils.validate(content)) {
        diagnostics++;
        const severity = d.severity === ERROR ? 'error' : 'warning';
        if (d.severity === ERROR) errors++;
        out.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity}: ${d.message}`);
    }
}
out.push('');
// One synchronous write: console.log per line would be slower and, on a pipe, asynchronous.
fs.writeSync(1, out.join('\n'));
process.stderr.write(`dockerfile-utils-all: ${args.length} files, ${diagnostics} diagnostics (${errors} errors)\n`);
process.exitCode = errors > 0 ? 1 : 0;
