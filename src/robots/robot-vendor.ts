import type { RobotVendor } from '../identity/dto/unit-robots.dto';

export { ROBOT_VENDORS, type RobotVendor, VENDOR_LABELS } from '../identity/dto/unit-robots.dto';

/** What a robot needs to send: its webhook URL and, where the vendor signs, the signing secret (decrypted). */
export interface RobotTarget {
  vendor: RobotVendor;
  url: string;
  secret: string | null;
}

/** One HTTP request to a robot, fully prepared (signed) and ready to post. */
export interface RobotRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * How the vendor answered, classified for retries:
 * - `too_fast`: the vendor's rate limit; send again after `retryAfterMs` without spending an attempt;
 * - `transient`: network, timeout, 5xx, "system busy"; retried with backoff up to DELIVERY_ATTEMPTS;
 * - `permanent`: wrong secret, keyword, IP whitelist, invalid URL; retried a few times (an admin may be fixing
 *   the configuration), then recorded failed.
 */
export type RobotAnswer =
  | { ok: true; code: number | string | null; explanation: string }
  | {
      ok: false;
      kind: 'too_fast' | 'transient' | 'permanent';
      code: number | string | null;
      /** What went wrong and what to do, in Chinese, for the admin. */
      explanation: string;
      /** The vendor's own message, kept for diagnosis. */
      vendorMessage: string | null;
      retryAfterMs?: number;
    };

/** A row of a vendor's error-code table. `windows` (too-fast only): the vendor's penalty in rate windows. */
export interface VendorError {
  kind: 'too_fast' | 'transient' | 'permanent';
  explanation: string;
  windows?: number;
}
