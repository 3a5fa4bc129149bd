// The builder's sinks; see edge_sinks.h.
#include "datasets/external/edge_sinks.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "datasets/hilbert.h"

namespace cost::datasets {

CsrSink::CsrSink(uint64_t num_vertices, RowKeyCodec codec, U32Writer write_columns)
    : codec_(codec), write_(std::move(write_columns)), offsets_(num_vertices + 1, 0) {}

void CsrSink::Consume(std::span<const uint64_t> keys) {
  columns_.resize(keys.size());
  EdgeIndex* counts = offsets_.data() + 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    ++counts[codec_.Row(keys[i])];
    columns_[i] = codec_.Column(keys[i]);
  }
  write_(columns_);
}

std::vector<EdgeIndex> CsrSink::TakeOffsets() {
  std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
  return std::move(offsets_);
}

HilbertSink::HilbertSink(U32Writer write_src, U32Writer write_dst, ByteWriter write_compressed,
                         uint32_t* degrees)
    : write_src_(std::move(write_src)), write_dst_(std::move(write_dst)), degrees_(degrees) {
  if (write_compressed) encoder_.emplace(std::move(write_compressed));
}

void HilbertSink::Consume(std::span<const uint64_t> keys) {
  src_.resize(keys.size());
  dst_.resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) HilbertPoint(keys[i], &src_[i], &dst_[i]);
  if (degrees_ != nullptr) {
    for (const uint32_t u : src_) ++degrees_[u];
  }
  if (write_src_) {
    write_src_(src_);
    write_dst_(dst_);
  }
  if (encoder_) {
    for (size_t i = 0; i < keys.size(); ++i) encoder_->Add(src_[i], dst_[i]);
  }
}

void HilbertSink::Finish() {
  if (encoder_) encoder_->Finish();
}

AppendedSections::AppendedSections(GraphFileWriter* writer, TempFolder* temp,
                                   std::vector<SectionKind> kinds, uint64_t buffer_bytes)
    : writer_(writer), kinds_(std::move(kinds)), buffer_bytes_(buffer_bytes) {
  if (kinds_.empty()) return;
  first_ = std::make_unique<SectionStream>(writer_->Append(kinds_[0], buffer_bytes));
  for (size_t i = 1; i < kinds_.size(); ++i) {
    spills_.push_back(std::make_unique<SpillFile>(
        temp->NewFilePath(std::string("section-") + std::to_string(i)), buffer_bytes));
  }
}

AppendedSections::~AppendedSections() = default;

void AppendedSections::Write(size_t index, const void* data, uint64_t bytes) {
  if (index == 0) {
    first_->Write(data, bytes);
  } else {
    spills_[index - 1]->Write(data, bytes);
  }
}

void AppendedSections::Close() {
  if (!first_) return;
  first_->Close();
  std::vector<char> buffer(buffer_bytes_);
  for (size_t i = 1; i < kinds_.size(); ++i) {
    SpillFile& spill = *spills_[i - 1];
    spill.Finish();
    SectionStream stream = writer_->Append(kinds_[i], buffer_bytes_);
    for (uint64_t at = 0; at < spill.bytes(); at += buffer.size()) {
      const uint64_t take = std::min<uint64_t>(buffer.size(), spill.bytes() - at);
      spill.Read(at, buffer.data(), take);
      stream.Write(buffer.data(), take);
    }
    stream.Close();
    spills_[i - 1].reset();  // the copy is in the file: free its disk now
  }
}

}  // namespace cost::datasets
