// How a service outside this repo uses one adapter: connect, publish, consume, ack, close.
// Run: node service.mjs kafka | rabbitmq-stream | redis-stream   (after npm install of the packages)
import { createKafkaClient } from "@brokerlab/kafka";
import { createRabbitMqClient } from "@brokerlab/rabbitmq";
import { createRedisClient } from "@brokerlab/redis";

const clients = {
  kafka: () => createKafkaClient({ brokers: [process.env.BROKERLAB_KAFKA_BROKERS ?? "127.0.0.1:9092"] }),
  "rabbitmq-stream": () =>
    createRabbitMqClient("rabbitmq-stream", {
      url: process.env.BROKERLAB_RABBITMQ_URL ?? "amqp://127.0.0.1",
    }),
  "redis-stream": () =>
    createRedisClient("redis-stream", { url: process.env.BROKERLAB_REDIS_URL ?? "redis://127.0.0.1:6379" }),
};
const client = clients[process.argv[2]]();
await client.connect();
const topic = `orders-${process.pid}-${Date.now()}`;
await client.createTopic(topic);
let done;
const received = new Promise((resolve) => (done = resolve));
const subscription = await client.subscribe(topic, { group: "billing" }, async (delivery) => {
  await delivery.ack();
  done(`${delivery.key}=${delivery.value}`);
});
await client.publish(topic, [{ key: "order-1", value: Buffer.from("created") }]);
console.log(`${client.target} received ${await received}`);
await subscription.close();
await client.deleteTopic(topic);
await client.close();
