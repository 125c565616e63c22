#!/usr/bin/env node
// The `folio` command. Folio is written in TypeScript and runs from its sources: tsx
// compiles each module as it is loaded, so there is no build step and no compiled JS.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
