#!/usr/bin/env node
'use strict';
const { runCli } = require('../dist/cli.js');
runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
