/**
 * What the HMAC-SHA256 request signers of the providers share (Huawei SDK-HMAC-SHA256, Alibaba
 * ACS3-HMAC-SHA256): the body/request digest and the parts a signature is made of, kept for tests.
 */
import { createHash } from 'node:crypto';

export interface Signature {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  authorization: string;
}

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}
