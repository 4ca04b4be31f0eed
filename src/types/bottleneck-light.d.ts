// Bottleneck's light build (no Redis clustering) is what the Octokit throttling plugin uses; it ships no typings
// of its own, and its API is the full build's.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
