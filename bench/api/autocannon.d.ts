// The part of autocannon's API that bench/api uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      requests?: Record<string, unknown>[];
      initialContext?: Record<string, unknown>;
    };
    type Histogram = { average: number; p99: number };
    type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
