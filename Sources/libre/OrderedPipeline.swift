/// A bounded, order-keeping hand-off between one producer, worker threads and one consumer.
///
/// The producer `submit`s inputs; each gets a sequence number. Workers `take` inputs and
/// `complete` them in any order; the consumer gets outputs back with `next` strictly in
/// sequence order, from a reorder buffer. At most `window` inputs are between `submit` and
/// being handed to the consumer, so memory is bounded by the window whatever the number of
/// inputs, and a slow document only holds back the ones after it.
///
/// `@unchecked Sendable`: the class is shared by the threads on purpose, and every stored
/// property is read and written only while `lock` is held.
final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  /// What `next` gives the consumer.
  enum Next {
    case output(Output)
    /// Nothing ready before the timeout: a chance to redraw the progress bar.
    case waiting
    /// Every submitted input has been handed over and the input has ended.
    case end
  }

  // One lock, and a condition per kind of waiter: a single condition broadcast on every
  // event woke the producer, every worker and the consumer for each file, and with fast
  // workers those wake-ups left a tenth of two cores idle.
  private let lock = Monitor()
  private let spaceFreed: Monitor.Condition
  private let inputQueued: Monitor.Condition
  private let outputReady: Monitor.Condition
  private let window: Int
  private var queue: [(sequence: Int, input: Input)] = []
  private var queueHead = 0
  private var finished: [Int: Output] = [:]
  private var submitted = 0
  private var emitted = 0
  private var inputEnded = false

  init(window: Int) {
    self.window = max(1, window)
    spaceFreed = lock.condition()
    inputQueued = lock.condition()
    outputReady = lock.condition()
  }

  /// Queues `input`, waiting while `window` inputs are already in flight.
  func submit(_ input: Input) {
    lock.lock()
    defer { lock.unlock() }
    while submitted - emitted >= window { spaceFreed.wait() }
    queue.append((submitted, input))
    submitted += 1
    inputQueued.signal()
  }

  /// No more inputs: workers stop once the queue is empty.
  func endInput() {
    lock.lock()
    inputEnded = true
    inputQueued.broadcast()
    outputReady.signal()
    lock.unlock()
  }

  /// The next input for a worker, or nil when the input has ended and nothing is queued.
  func take() -> (sequence: Int, input: Input)? {
    lock.lock()
    defer { lock.unlock() }
    while queueHead == queue.count && !inputEnded { inputQueued.wait() }
    guard queueHead < queue.count else { return nil }
    let item = queue[queueHead]
    queueHead += 1
    // Drop the consumed front now and then so the array stays at most a window long.
    if queueHead >= 64 && queueHead * 2 >= queue.count {
      queue.removeFirst(queueHead)
      queueHead = 0
    }
    return item
  }

  /// A worker's output for input `sequence`.
  func complete(_ sequence: Int, _ output: Output) {
    lock.lock()
    finished[sequence] = output
    // The consumer only ever waits for the next output in order.
    if sequence == emitted { outputReady.signal() }
    lock.unlock()
  }

  /// The output of the next input in order, waiting up to `timeout` seconds for it.
  func next(timeout: Double) -> Next {
    lock.lock()
    defer { lock.unlock() }
    let deadline = Monitor.deadline(after: timeout)
    while true {
      if let output = finished.removeValue(forKey: emitted) {
        emitted += 1
        spaceFreed.signal()
        return .output(output)
      }
      if inputEnded && emitted == submitted { return .end }
      if !outputReady.wait(until: deadline) { return .waiting }
    }
  }

}
