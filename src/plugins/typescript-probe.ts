// Imported only to learn whether the running Node can load TypeScript as Folio's sources
// (and plugins written like them) need it: with `.js` names for `.ts` files (see load.ts).
// Node 22.18 and 24 strip types by themselves but do not map those names, so the probe
// imports a module that way: that fails there, and tsx is registered.
import { packageRoot } from '../package-root.js';

export const typescript: boolean = typeof packageRoot === 'string';
