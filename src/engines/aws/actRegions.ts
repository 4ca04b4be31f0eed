/**
 * Where Active Custom Translation runs. Amazon Translate's developer guide lists the regions ("Customizing your
 * translations with parallel data", Region availability): US East (N. Virginia), US West (Oregon) and Europe
 * (Ireland). A batch job with parallel data elsewhere is refused by the service after everything was uploaded, so
 * the settings are checked against this list before anything is sent.
 */
export const ACT_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1'];

/** Undefined when `region` runs ACT, else the one-line reason naming the regions that do. */
export function actRegionProblem(region: string): string | undefined {
  if (ACT_REGIONS.includes(region)) return undefined;
  return (
    `Active Custom Translation (parallel data) is not available in ${region}; Amazon Translate offers it in ` +
    `${ACT_REGIONS.join(', ')} only. Run in one of them, or turn parallel data off (parallel-data: off).`
  );
}
