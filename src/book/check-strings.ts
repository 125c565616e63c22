import { error, warn } from '../diagnostics/messages.js';
import type { LoadedManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/schema.js';
import { suggest } from '../manifest/suggest.js';
import { hasLocale, stringKeys } from '../templates/strings.js';

/** `strings:` may only override messages the locale table knows. */
export function checkStrings(manifest: Manifest, source: LoadedManifest): void {
  const known = stringKeys();
  for (const [lang, overrides] of Object.entries(manifest.strings)) {
    for (const key of Object.keys(overrides)) {
      if (known.includes(key)) continue;
      const hint = suggest(key, known);
      error(source.file, `Unknown message \`${key}\` in strings.${lang}` + (hint ? `; did you mean \`${hint}\`?` : ''), source.locate(['strings', lang, key], { key: true }), 'manifest-unknown-key');
    }
  }
  manifest.languages.forEach((lang, index) => {
    if (!hasLocale(lang) && !manifest.strings[lang]) {
      warn(source.file, `Folio has no translations of its generated text for ${lang}; English is used. Add them under strings.${lang}`, source.locate(['languages', index]), 'strings-missing-language');
    }
  });
}
