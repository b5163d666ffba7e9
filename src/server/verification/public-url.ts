import type { FastifyRequest } from "fastify";

/** Where readers reach the app (QR codes point here): RENCANA_PUBLIC_URL, else the request's own origin. */
export function publicUrlOf(request: FastifyRequest): string {
  return process.env.RENCANA_PUBLIC_URL?.trim() || `${request.protocol}://${request.host}`;
}
