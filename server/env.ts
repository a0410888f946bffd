import { existsSync } from 'node:fs';
import dotenv from 'dotenv';

// The process environment wins; then `.env`; then `.localConfigs`, which the Agents Toolkit writes for local debug.
for (const file of ['.env', '.localConfigs']) {
  if (existsSync(file)) dotenv.config({ path: file, quiet: true });
}
