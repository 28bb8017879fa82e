// The network module: the municipalities' practice library (cases with evidence), adoption of a
// practice into another municipality with its lineage, search across the network, seasons and
// meetings, the member directory and the comparison of member municipalities.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/module.js';
import { mergeTexts } from '../../core/i18n/i18n.js';
import { networkTexts } from './network.texts.js';

export const networkModule: ModuleManifest = {
  name: 'network',
  texts: mergeTexts(networkTexts),
  migrationsDir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
};
