export * from './ports.ts';
export {
  PRIORITY,
  enqueue,
  campaignStatus,
  unreachableReport,
  statusCounts,
  type EnqueueRequest,
  type OutgoingMessage,
  type CampaignStatus,
  type RecipientStatus,
  type DeliveryStatus,
  type MessageKind,
} from './outbox.ts';
export { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './worker.ts';
