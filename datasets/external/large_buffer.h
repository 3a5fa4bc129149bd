// The builder's big buffers (the runs' keys and the sort's scratch), taken from the kernel and
// given back to it directly with mmap and munmap. Through malloc, a buffer freed at the end of
// one phase can stay resident: glibc raises its mmap threshold (up to 32 MiB) to the size of a
// large block once it is freed, so the next phase's buffers of that size come from its heap
// instead, beside the freed ones it has not returned, and the peak resident set overshoots the
// budget by a phase's buffers.
#ifndef COST_DATASETS_EXTERNAL_LARGE_BUFFER_H_
#define COST_DATASETS_EXTERNAL_LARGE_BUFFER_H_

#include <cstdint>
#include <span>
#include <utility>

namespace cost::datasets {

// Uninitialised uint64_t storage: pages cost memory only once they are written.
class LargeBuffer {
 public:
  LargeBuffer() = default;
  // Throws DatasetError("cannot map N bytes: reason") when the kernel refuses.
  explicit LargeBuffer(uint64_t values);
  LargeBuffer(LargeBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  LargeBuffer& operator=(LargeBuffer&& other) noexcept;
  ~LargeBuffer() { Release(); }

  uint64_t* data() const { return data_; }
  uint64_t size() const { return size_; }
  std::span<uint64_t> span() const { return {data_, size_}; }
  // Gives the memory back now.
  void Release();

 private:
  uint64_t* data_ = nullptr;
  uint64_t size_ = 0;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_LARGE_BUFFER_H_
