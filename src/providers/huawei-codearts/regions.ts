/**
 * CodeArts Pipeline's public endpoints per region, as the official SDKs (3.1.211) list them, and the
 * per-region endpoint override variable that Huawei's Python and Go SDKs honour.
 */

const HOST_PATTERNS: Array<{ regions: readonly string[]; prefix: string }> = [
  {
    regions: [
      'cn-north-1',
      'cn-north-4',
      'cn-south-1',
      'cn-south-2',
      'cn-east-2',
      'cn-east-3',
      'cn-southwest-2',
      'ap-southeast-3',
      'sa-brazil-1',
      'la-north-2',
    ],
    prefix: 'cloudpipeline-ext',
  },
  { regions: ['tr-west-1', 'la-south-2'], prefix: 'pipeline-external' },
  { regions: ['af-north-1', 'me-east-1', 'af-south-1'], prefix: 'pipeline' },
];

export const CODEARTS_REGIONS: readonly string[] = HOST_PATTERNS.flatMap((p) => p.regions);

/** `https://<host>` for a region in the table, or undefined for a region CodeArts does not serve. */
export function regionEndpoint(region: string): string | undefined {
  const entry = HOST_PATTERNS.find((p) => p.regions.includes(region));
  return entry && `https://${entry.prefix}.${region}.myhuaweicloud.com`;
}

/** `HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_CN_NORTH_4` for `cn-north-4`. */
export function endpointOverrideVariable(region: string): string {
  return `HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_${region.toUpperCase().replace(/-/g, '_')}`;
}
