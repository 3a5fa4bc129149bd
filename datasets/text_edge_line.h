// One line of a SNAP-style text edge list (see text_loader.h for the format), shared by the
// in-memory loader and the streaming converter so that both accept the same lines and give the
// same reasons for the ones they reject.
#ifndef COST_DATASETS_TEXT_EDGE_LINE_H_
#define COST_DATASETS_TEXT_EDGE_LINE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cost::datasets {

enum class LineKind { kEdge, kSkip, kError };

// Parses `line` (without its '\n'). kSkip: blank or a '#'/'%' comment. kEdge: *src and *dst
// set. kError: *reason says why ("missing second column", "negative id '-3'", ...); the caller
// adds the file and line number.
LineKind ParseEdgeLine(std::string_view line, uint64_t* src, uint64_t* dst, std::string* reason);

// The error for more distinct ids than 32-bit dense ids can number; `name` is the file.
void CheckVertexCount(uint64_t count, const std::string& name);

}  // namespace cost::datasets

#endif  // COST_DATASETS_TEXT_EDGE_LINE_H_
