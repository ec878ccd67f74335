import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { InvalidArgumentError } from "@brokerlab/messaging";

/** Kernel and device file systems: writing a report there hangs or fails only after the whole run. */
const SPECIAL = ["/proc", "/sys", "/dev"];

/**
 * Refuses an output folder that cannot hold the reports, before any work starts (so results are never lost
 * after a long run): one under /proc, /sys or /dev, one that names a file, or one in a place not writable.
 * A folder that does not exist yet is fine when its nearest existing parent is a writable folder.
 */
export function checkOutputFolder(flag: string, folder: string, cwd: string = process.cwd()): string {
  const path = resolve(cwd, folder);
  const special = SPECIAL.find((root) => path === root || path.startsWith(`${root}${sep}`));
  if (special) {
    throw new InvalidArgumentError(
      `${flag} ${folder} is under ${special}, which holds no files; give a folder such as reports/my-run`,
    );
  }
  let existing = path;
  for (;;) {
    const stat = statOf(existing);
    if (stat?.isDirectory()) break;
    if (stat) {
      throw new InvalidArgumentError(
        existing === path
          ? `${flag} ${folder} is a file, not a folder; give a folder such as reports/my-run`
          : `${flag} ${folder} is inside ${existing}, which is a file; give a folder such as reports/my-run`,
      );
    }
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new InvalidArgumentError(
      `${flag} ${folder} cannot be written (${existing} is not writable); give a folder you can write to`,
    );
  }
  return path;
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
