/** Functions under test are the built bundles, as deployed: build them once before the emulator tests. */
import { buildFunctions } from '../../scripts/build-functions';

export default async function globalSetup(): Promise<void> {
  await buildFunctions();
}
