import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { proofFileProblem } from '../conventions';
import { CoreError } from '../contract';

/** A proof file as kept: its name for the seller, its name on disk, its SHA-256 and size. */
export interface StoredProof {
  fileName: string;
  storedName: string;
  sha256: string;
  size: number;
}

/**
 * 交付凭证 kept in the data folder (`supervision-proofs/<flow>/<sha256>.<ext>`): checked by type and
 * size first, written to a temporary name and renamed, so a crash never leaves half a file under the
 * name the database points to.
 */
export class ProofFiles {
  constructor(private readonly folder: string) {}

  /** The file's bytes from the call (base64), checked before anything is written. */
  decode(fileName: string, contentBase64: string): Buffer {
    const bytes = Buffer.from(contentBase64, 'base64');
    const problem = proofFileProblem(fileName, bytes.length);
    if (problem) throw new CoreError('VALIDATION', `${fileName}: ${problem.reason}`, { reason: `supervision.${problem.reason}`, params: problem.params });
    return bytes;
  }

  store(flowId: string, fileName: string, bytes: Buffer): StoredProof {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const extension = path.extname(fileName).toLowerCase();
    const dir = path.join(this.folder, safeSegment(flowId));
    const storedName = path.join(safeSegment(flowId), `${sha256}${extension}`);
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(this.folder, storedName);
    if (!fs.existsSync(target)) {
      const partial = `${target}.partial`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, target);
    }
    return { fileName, storedName, sha256, size: bytes.length };
  }
}

function safeSegment(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
