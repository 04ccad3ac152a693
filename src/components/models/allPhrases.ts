import type { Phrases } from './kindUi';
import { PHRASES as core } from './core/phrases';
import { PHRASES as http } from './http/phrases';
import { PHRASES as kafka } from './kafka/phrases';
import { PHRASES as lb } from './lb/phrases';
import { PHRASES as pubsub } from './pubsub/phrases';
import { PHRASES as rabbitmq } from './rabbitmq/phrases';
import { PHRASES as saga } from './saga/phrases';
import { PHRASES as webhook } from './webhook/phrases';

/** Every family's event sentences by family name, loaded with the engine (see phraseStore.ts). */
export const ALL_PHRASES: Readonly<Record<string, Phrases<string>>> = { core, http, kafka, lb, pubsub, rabbitmq, saga, webhook };
