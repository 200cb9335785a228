import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, SubjectRef } from '../../shared/domain/vocabulary.js';
import type { QualityRating } from './quality-classification.events.js';

export type ClassifyQuality = Command<'classifyQuality', { subject: SubjectRef; year: number; body: ActingBody; rating: QualityRating; classifiedOn: IsoDate }>;
export type CorrectClassification = Command<'correctClassification', { rating: QualityRating; reason: string; correctedOn: IsoDate }>;

export type QualityClassificationCommand = ClassifyQuality | CorrectClassification;
