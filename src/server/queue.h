/*
 * server/queue.h -- the judging workers.
 *
 * The queue itself is the database (store_submission_claim): workers
 * claim the oldest queued submission, judge it from the catalog directory
 * on disk, record the outcome and publish progress to the hub. They wake
 * when a submission arrives (queue_kick) and also poll, so work queued
 * by another process is found too.
 */
#ifndef GAVEL_SERVER_QUEUE_H
#define GAVEL_SERVER_QUEUE_H

struct app;
struct queue;

/* Start n workers. Never NULL. */
struct queue *queue_start(struct app *app, int n);
/* New work: wake an idle worker now. */
void queue_kick(struct queue *q);
/* Workers judging right now. */
int queue_busy(struct queue *q);
/*
 * Ask the workers to stop: each finishes the submission it is judging
 * and takes no other. Returns at once.
 */
void queue_stop_async(struct queue *q);
/* Stop (if not yet asked), wait for the workers, free. */
void queue_stop(struct queue *q);

#endif
