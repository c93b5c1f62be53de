import { rabbitmqQueueStatus } from './queueStatus';
import { RabbitMQQueueLive } from './liveState';

const queue = (q: Partial<RabbitMQQueueLive>): RabbitMQQueueLive => ({
  vhost: '/',
  name: 'q',
  type: 'classic',
  durable: true,
  autoDelete: false,
  arguments: {},
  ...q,
});
const options = { errorDepth: 1000 };
const history = (...depths: number[]) =>
  depths.map((depth, i) => ({ timestamp: i * 60_000, depth }));

describe('rabbitmqQueueStatus', () => {
  it('is OK and drained when empty', () => {
    expect(
      rabbitmqQueueStatus(queue({ messages: 0, consumers: 0 }), [], options),
    ).toEqual({ status: 'OK', reason: 'empty', timeToDrainSeconds: 0 });
  });

  it('is STOPPED when messages wait and no consumer is attached', () => {
    expect(
      rabbitmqQueueStatus(queue({ messages: 5, consumers: 0 }), [], options),
    ).toEqual({
      status: 'STOPPED',
      reason: '5 messages waiting and no consumer attached',
      timeToDrainSeconds: null,
    });
  });

  it('is ERROR past the threshold', () => {
    expect(
      rabbitmqQueueStatus(
        queue({ messages: 1001, consumers: 2, ackRate: 50, publishRate: 10 }),
        [],
        options,
      ),
    ).toMatchObject({ status: 'ERROR', timeToDrainSeconds: 25 });
  });

  it('is WARNING when the depth grows while consumers consume', () => {
    expect(
      rabbitmqQueueStatus(
        queue({ messages: 100, consumers: 1, ackRate: 5, publishRate: 20 }),
        [],
        options,
      ),
    ).toEqual({
      status: 'WARNING',
      reason: 'the depth grows: 20.0 msg/s published, 5.0 msg/s consumed',
      timeToDrainSeconds: null,
    });
    expect(
      rabbitmqQueueStatus(
        queue({ messages: 100, consumers: 1 }),
        history(10, 40, 70, 100),
        options,
      ).status,
    ).toBe('WARNING');
  });

  it('is OK with a drain estimate when consumers keep up', () => {
    expect(
      rabbitmqQueueStatus(
        queue({
          messagesReady: 80,
          messagesUnacknowledged: 20,
          consumers: 2,
          ackRate: 30,
          publishRate: 10,
        }),
        history(300, 200, 100),
        options,
      ),
    ).toEqual({
      status: 'OK',
      reason: '100 messages, 2 consumers keeping up',
      timeToDrainSeconds: 5,
    });
  });
});
