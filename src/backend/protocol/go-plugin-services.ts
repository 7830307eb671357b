// The services every go-plugin host calls besides Grafana's own: health (ping), controller
// (shutdown), broker and stdio. This plugin brokers nothing and writes its logs to stderr
// directly, so the broker and stdio streams are held open quietly until shutdown: answering
// "unimplemented" would make go-plugin log warnings in Grafana's log on every start.
import {
  status as GrpcStatus,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedServiceImplementation,
  type sendUnaryData,
} from '@grpc/grpc-js';

// go-plugin pings this service name (plugin.GRPCServiceName).
export const GO_PLUGIN_HEALTH_SERVICE = 'plugin';

type Closable = { end(): void };

/** Streams held open until shutdown ends them. */
export class OpenStreams {
  private readonly streams = new Set<Closable>();

  hold(stream: Closable & { on(event: 'cancelled' | 'error' | 'close', listener: () => void): unknown }): void {
    this.streams.add(stream);
    const forget = (): void => {
      this.streams.delete(stream);
    };
    stream.on('cancelled', forget);
    stream.on('error', forget);
    stream.on('close', forget);
  }

  endAll(): void {
    for (const stream of this.streams) {
      try {
        stream.end();
      } catch {
        // already closed by the peer
      }
    }
    this.streams.clear();
  }

  get count(): number {
    return this.streams.size;
  }
}

function healthStatusFor(service: string): 'SERVING' | undefined {
  return service === '' || service === GO_PLUGIN_HEALTH_SERVICE ? 'SERVING' : undefined;
}

export function healthService(openStreams: OpenStreams): UntypedServiceImplementation {
  return {
    Check(call: ServerUnaryCall<{ service: string }, unknown>, callback: sendUnaryData<unknown>) {
      const status = healthStatusFor(call.request.service);
      if (!status) {
        callback({ code: GrpcStatus.NOT_FOUND, details: `unknown service "${call.request.service}"` });
        return;
      }
      callback(null, { status });
    },
    Watch(call: ServerWritableStream<{ service: string }, unknown>) {
      call.write({ status: healthStatusFor(call.request.service) ?? 'SERVICE_UNKNOWN' });
      openStreams.hold(call);
    },
  };
}

export function controllerService(onShutdownRequested: () => void): UntypedServiceImplementation {
  return {
    Shutdown(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) {
      callback(null, {});
      // Answer first: the host waits for this reply before it waits for the process to exit.
      setImmediate(onShutdownRequested);
    },
  };
}

export function brokerService(openStreams: OpenStreams): UntypedServiceImplementation {
  return {
    StartStream(call: ServerDuplexStream<unknown, unknown>) {
      // Nothing to broker: read and drop what the host sends, end when it ends.
      call.on('data', () => undefined);
      call.on('end', () => call.end());
      openStreams.hold(call);
    },
  };
}

export function stdioService(openStreams: OpenStreams): UntypedServiceImplementation {
  return {
    StreamStdio(call: ServerWritableStream<unknown, unknown>) {
      openStreams.hold(call);
    },
  };
}
