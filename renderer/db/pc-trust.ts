// Trusting another PC's signature, withdrawing it, naming this PC: administrators only, each a
// line of the audit chain. The audit line is written first, as it is also the role check; the
// trust list changes only once it passed.
import type { FileSigner } from './file-signature';
import type { Installation } from './installation';
import type { Repositories } from './repositories';

interface Deps {
  repo: Pick<Repositories, 'recordPcTrust'>;
  installation: Installation;
}

/** Trusts the PC that signed a file, after the fingerprints were compared. */
export async function trustPc({ repo, installation }: Deps, signer: FileSigner): Promise<void> {
  const officer = await repo.recordPcTrust('trust-pc', signer);
  await installation.trust(signer, officer.name);
}

/** Withdraws trust: that PC's files are again from an unknown PC. */
export async function revokePc({ repo, installation }: Deps, installationId: string) {
  const pc = (await installation.trustedPcs()).find((p) => p.installationId === installationId);
  if (!pc) return;
  await repo.recordPcTrust('revoke-pc', pc);
  await installation.revoke(installationId);
}

/** The name other PCs see on this PC's files from now on. */
export async function renameThisPc({ repo, installation }: Deps, name: string): Promise<void> {
  const identity = await installation.identity();
  await repo.recordPcTrust('rename-pc', { ...identity, name: name.trim() });
  await installation.rename(name);
}
