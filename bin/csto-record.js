#!/usr/bin/env node
// The command line: TypeScript run through tsx's require hook (a dependency), no build step.
require('tsx/cjs');
require('../src/cli.ts');
