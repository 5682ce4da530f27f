// Officers, their PINs and sign-in, and the settings and PC trust administrators keep.
import { pinProblem, type OfficerRole } from '../../../shared/workflow/roles';
import { SignInWaitError, withoutDigest } from '../pin-keeper';
import type { Person } from '../types';
import { WorkflowError } from '../workflow-error';
import { newId } from './guards';
import type { CommandContext } from './run';

export interface NewOfficerInput {
  name: string;
  role: OfficerRole;
  pin: string;
}

/** An active officer, not stored yet and without a PIN (see `pins`). */
function newOfficer(input: NewOfficerInput): Person {
  const problem = pinProblem(input.pin);
  if (problem) throw new WorkflowError(problem);
  return {
    id: newId(),
    name: input.name.trim(),
    role: input.role,
    createdAt: Date.now(),
    active: true,
  };
}

/** The row as stored: with the page's digest, or none where main keeps it. */
const withDigest = (officer: Person, digest: Person['pin']): Person =>
  digest ? { ...officer, pin: digest } : withoutDigest(officer);

export function officerCommands({ db, session, pins, run, runAs }: CommandContext) {
  const getOfficer = async (officerId: string): Promise<Person> => {
    const officer = await db.people.get(officerId);
    if (!officer) throw new Error(`Officer ${officerId} not found`);
    return officer;
  };

  return {
    /** The first run: creates the administrator. Refused once any officer exists. */
    async setUpAdministrator(name: string, pin: string): Promise<Person> {
      const created = newOfficer({ name, role: 'admin', pin });
      // Hashing (or main's check) happens outside the transaction, which would not wait for it.
      const admin = withDigest(created, await pins.setUpAdministrator(created, pin));
      await runAs(
        admin,
        [],
        async (tx) => {
          // On the desktop main decides: it refuses once it knows any officer.
          if (pins.where === 'page' && (await db.people.count()) > 0) {
            throw new WorkflowError('already-set-up');
          }
          await db.people.add(admin);
          tx.audit({ entity: 'officer', entityId: admin.id, action: 'create', newValue: 'admin' });
        },
        { now: admin.createdAt },
      );
      return admin;
    },

    async addOfficer(input: NewOfficerInput): Promise<Person> {
      const created = newOfficer(input);
      const officer = withDigest(created, await pins.savePin(created, input.pin));
      await run(
        'administer',
        [],
        async (tx) => {
          await db.people.add(officer);
          tx.audit({
            entity: 'officer',
            entityId: officer.id,
            action: 'create',
            newValue: input.role,
          });
        },
        { now: officer.createdAt },
      );
      return officer;
    },

    /** Role, trust and active flag; an administrator's job. The last administrator stays one. */
    async updateOfficer(
      officerId: string,
      changes: Partial<Pick<Person, 'name' | 'role' | 'trusted' | 'active'>>,
    ): Promise<void> {
      const now = Date.now();
      if (
        pins.where === 'main' &&
        ('name' in changes || 'role' in changes || 'active' in changes)
      ) {
        const before = await getOfficer(officerId);
        await pins.saveProfile({ ...before, ...changes });
      }
      await run(
        'administer',
        [],
        async (tx) => {
          const officer = await getOfficer(officerId);
          const updated: Person = { ...officer, ...changes };
          const stillAdmin = updated.role === 'admin' && updated.active !== false;
          if (officer.role === 'admin' && !stillAdmin) {
            const admins = await db.people
              .filter((p) => p.role === 'admin' && p.active !== false)
              .count();
            if (admins <= 1) throw new WorkflowError('last-admin');
          }
          await db.people.put(updated);
          tx.audit({
            entity: 'officer',
            entityId: officerId,
            action: 'update',
            newValue: JSON.stringify(changes),
          });
        },
        { now },
      );
    },

    /** Officers change their own PIN; administrators reset anyone's. */
    async setPin(officerId: string, pin: string): Promise<void> {
      const problem = pinProblem(pin);
      if (problem) throw new WorkflowError(problem);
      const before = await getOfficer(officerId);
      const digest = await pins.savePin(before, pin);
      const permission = session.officer()?.id === officerId ? 'enter' : 'administer';
      await run(permission, [], async (tx) => {
        const target = await getOfficer(officerId);
        await db.people.put(withDigest(target, digest));
        tx.audit({ entity: 'officer', entityId: officerId, action: 'pin' });
      });
    },

    /**
     * Checks the PIN and, when it is right, makes this officer the one at the keyboard. Null for
     * a wrong PIN; on the desktop, main may also refuse to check yet (SignInWaitError) or know
     * no PIN for this officer ('pin-not-set').
     */
    async signIn(officerId: string, pin: string): Promise<Person | null> {
      const officer = await db.people.get(officerId);
      if (!officer || officer.active === false) return null;
      const check = await pins.checkPin(officer, pin);
      if (!check.ok) {
        if (check.reason === 'wait') throw new SignInWaitError(check.waitMs);
        if (check.reason === 'no-pin' && pins.where === 'main') {
          throw new WorkflowError('pin-not-set');
        }
        return null;
      }
      await runAs(officer, [], (tx) => {
        tx.audit({ entity: 'officer', entityId: officer.id, action: 'sign-in' });
      });
      session.signIn(officer);
      return officer;
    },

    /**
     * A setting of the data that holds for every officer (the idle lock), carried by backups;
     * administrators only. What one PC remembers goes to localSettings (setting-keys.ts).
     */
    async setSetting(key: string, value: unknown): Promise<void> {
      await run('administer', ['settings'], async (tx) => {
        const before = await db.settings.get(key);
        await db.settings.put({ key, value });
        tx.audit({
          entity: 'setting',
          entityId: key,
          action: 'update',
          oldValue: JSON.stringify(before?.value ?? null),
          newValue: JSON.stringify(value),
        });
      });
    },

    /**
     * Notes on the audit chain that an administrator trusted another PC's signature, withdrew
     * that trust, or renamed this PC; refused for anyone else. The trust list itself lives in
     * the installation's own store (installation.ts), written by the caller once this passed.
     */
    recordPcTrust(
      action: 'trust-pc' | 'revoke-pc' | 'rename-pc',
      pc: { installationId: string; name: string; fingerprint: string },
    ): Promise<Person> {
      return run('administer', [], (tx) => {
        tx.audit({
          entity: 'setting',
          entityId: `pc:${pc.installationId}`,
          action,
          newValue: JSON.stringify({ name: pc.name, fingerprint: pc.fingerprint }),
        });
        return tx.officer;
      });
    },
  };
}
