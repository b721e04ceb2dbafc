#!/usr/bin/env node
// The command line, from the build that `npm ci` (prepare) or `npm run build` makes.
require('../dist/src/cli.js');
