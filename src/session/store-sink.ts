// Answers of one person's turn written straight to the store: the response is created with the
// first answer (a turn abandoned at the intro leaves nothing behind), each answer is durable when
// save returns, and finishing marks the response complete.
import type { AnswerValue } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { completeResponse, createResponse, removeAnswer, type Store, saveAnswer } from "../store/index.js";
import type { AnswerSink } from "./run-session.js";

export interface TurnInfo {
  survey: Survey;
  sessionId: string | null;
  language: string;
  plain: boolean;
  startedAt: Date;
}

export class StoreSink implements AnswerSink {
  private id: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly turn: TurnInfo,
  ) {}

  /** The response id, once the first answer has created it. */
  get responseId(): string | null {
    return this.id;
  }

  save(slot: string, value: AnswerValue, answeredAt: Date): void {
    saveAnswer(this.store, this.ensure(), slot, value, answeredAt);
  }

  remove(slot: string): void {
    if (this.id) removeAnswer(this.store, this.id, slot);
  }

  complete(at: Date): void {
    completeResponse(this.store, this.ensure(), at);
  }

  private ensure(): string {
    this.id ??= createResponse(this.store, {
      survey: this.turn.survey,
      sessionId: this.turn.sessionId,
      source: "interactive",
      language: this.turn.language,
      plain: this.turn.plain,
      startedAt: this.turn.startedAt,
    }).id;
    return this.id;
  }
}
