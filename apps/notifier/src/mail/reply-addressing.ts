/** The per-request reply address a customer mail carries in Reply-To (null: none, replies go to the sender address). */
export abstract class ReplyAddressing {
  abstract addressFor(requestId: string, customerEmail: string): string | null;
}
