// Imported only to learn whether the running Node can load TypeScript (see load.ts).
export const typescript: boolean = true;
