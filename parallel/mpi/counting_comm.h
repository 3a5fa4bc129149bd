// The MPI calls the kernels make, each adding what it sends to the rank's Traffic, so what a
// kernel sends is counted in one place rather than at every call site.
//
// What is counted is the kernel's own traffic under one rule: the payload this rank hands to MPI
// for other ranks. A collective's part for the rank itself never leaves it and is not counted;
// for an Allreduce the rank's vector counts once (what any algorithm must send at least). Open
// MPI's algorithms may relay more (trees, rings, recursive doubling), and headers and TCP add to
// it: the test cluster's link counters (harness/scripts/test-cluster.sh counters) measure the
// bytes on the wire. The driver's own barrier and timing reductions are outside the kernels and
// not counted.
#ifndef COST_PARALLEL_MPI_COUNTING_COMM_H_
#define COST_PARALLEL_MPI_COUNTING_COMM_H_

#include <mpi.h>

#include <cstdint>
#include <type_traits>
#include <vector>

namespace cost::parallel::mpi {

struct Traffic {
  uint64_t bytes_sent = 0;
  // Transfers to another rank that carry data: one per peer with a non-empty part of a
  // collective, one per point-to-point send (its envelope is a message even when empty).
  uint64_t messages_sent = 0;
  // Communication steps: one per collective call, per blocking send and per blocking receive.
  // Counted at every P, so that at P = 1 they show the kernel's number of supersteps.
  uint64_t rounds = 0;
};

// A communicator and what has been sent through it.
struct CountingComm {
  MPI_Comm comm = MPI_COMM_WORLD;
  int rank = 0, ranks = 1;
  Traffic traffic;
};

CountingComm MakeCountingComm(MPI_Comm comm);

// The MPI datatype of the elements the kernels send.
template <typename T>
MPI_Datatype MpiType() {
  if constexpr (std::is_same_v<T, int>) {
    return MPI_INT;
  } else if constexpr (std::is_same_v<T, uint32_t>) {
    return MPI_UINT32_T;
  } else if constexpr (std::is_same_v<T, uint64_t>) {
    return MPI_UINT64_T;
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return MPI_INT64_T;
  } else {
    static_assert(std::is_same_v<T, double>, "no MPI datatype for this element type");
    return MPI_DOUBLE;
  }
}

// The counting rules, one per shape of call; `bytes` is the element size. CountToEach: counts[r]
// elements to each rank r. CountToOne: `count` elements to rank `dest` (nothing when that is this
// rank; dest -1: to the others as one vector, counted once, as an Allreduce's).
void CountToEach(CountingComm& c, const int* counts, uint64_t bytes);
void CountToOne(CountingComm& c, int count, uint64_t bytes, int dest);
void CountSend(CountingComm& c, int count, uint64_t bytes);
void CountRound(CountingComm& c);

// MPI_Alltoall of one element per rank.
template <typename T>
void Alltoall(CountingComm& c, const T* send, T* recv) {
  const std::vector<int> ones(c.ranks, 1);
  CountToEach(c, ones.data(), sizeof(T));
  MPI_Alltoall(send, 1, MpiType<T>(), recv, 1, MpiType<T>(), c.comm);
}

template <typename T>
void Alltoallv(CountingComm& c, const T* send, const std::vector<int>& send_counts,
               const std::vector<int>& send_displs, T* recv, const std::vector<int>& recv_counts,
               const std::vector<int>& recv_displs) {
  CountToEach(c, send_counts.data(), sizeof(T));
  MPI_Alltoallv(send, send_counts.data(), send_displs.data(), MpiType<T>(), recv,
                recv_counts.data(), recv_displs.data(), MpiType<T>(), c.comm);
}

// In place: every rank ends with the reduction of all ranks' `data`.
template <typename T>
void Allreduce(CountingComm& c, T* data, int count, MPI_Op op) {
  CountToOne(c, c.ranks > 1 ? count : 0, sizeof(T), -1);
  MPI_Allreduce(MPI_IN_PLACE, data, count, MpiType<T>(), op, c.comm);
}

// Gathers `count` elements of every rank at root (into recv at displs, counts per rank).
template <typename T>
void Gatherv(CountingComm& c, const T* send, int count, T* recv, const std::vector<int>& counts,
             const std::vector<int>& displs, int root) {
  CountToOne(c, count, sizeof(T), root);
  MPI_Gatherv(send, count, MpiType<T>(), recv, counts.data(), displs.data(), MpiType<T>(), root,
              c.comm);
}

// One element of every rank at root, which receives `ranks` elements.
template <typename T>
void Gather(CountingComm& c, const T* send, T* recv, int root) {
  CountToOne(c, 1, sizeof(T), root);
  MPI_Gather(send, 1, MpiType<T>(), recv, 1, MpiType<T>(), root, c.comm);
}

// Root sends counts[r] elements at displs[r] to rank r, which receives `count`.
template <typename T>
void Scatterv(CountingComm& c, const T* send, const std::vector<int>& counts,
              const std::vector<int>& displs, T* recv, int count, int root) {
  if (c.rank == root) {
    CountToEach(c, counts.data(), sizeof(T));
  } else {
    CountRound(c);
  }
  MPI_Scatterv(send, counts.data(), displs.data(), MpiType<T>(), recv, count, MpiType<T>(), root,
               c.comm);
}

template <typename T>
void Send(CountingComm& c, const std::vector<T>& data, int dest, int tag) {
  CountSend(c, static_cast<int>(data.size()), sizeof(T));
  MPI_Send(data.data(), static_cast<int>(data.size()), MpiType<T>(), dest, tag, c.comm);
}

// Receives one message of any length from `source` and appends it to *data.
template <typename T>
void ReceiveAppend(CountingComm& c, int source, int tag, std::vector<T>* data) {
  CountRound(c);
  MPI_Status status;
  MPI_Probe(source, tag, c.comm, &status);
  int count = 0;
  MPI_Get_count(&status, MpiType<T>(), &count);
  const size_t had = data->size();
  data->resize(had + count);
  MPI_Recv(data->data() + had, count, MpiType<T>(), source, tag, c.comm, MPI_STATUS_IGNORE);
}

}  // namespace cost::parallel::mpi

#endif  // COST_PARALLEL_MPI_COUNTING_COMM_H_
