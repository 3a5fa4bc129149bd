// A minimal XML reader for tests: checks that a document is well-formed (every element closed in
// order, attributes quoted, entities known, one root) and returns its element tree, so tests can
// assert on the series in a gnuplot SVG or the cells of a table in report.html. Enough XML for
// what the report writes: elements, attributes, text, comments, CDATA, processing instructions
// and a DOCTYPE (skipped); no DTD-defined entities.
#ifndef COST_TESTS_XML_DOCUMENT_H_
#define COST_TESTS_XML_DOCUMENT_H_

#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace cost::testing_support {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<std::unique_ptr<XmlElement>> children;
  std::string text;  // all character data directly inside, entities decoded

  // Every text inside this element and its descendants, concatenated in document order.
  std::string AllText() const {
    std::string out = text;
    for (const auto& c : children) out += c->AllText();
    return out;
  }
  // Every descendant (and this element) named `tag`, in document order.
  void FindAll(const std::string& tag, std::vector<const XmlElement*>* out) const {
    if (name == tag) out->push_back(this);
    for (const auto& c : children) c->FindAll(tag, out);
  }
};

class XmlReader {
 public:
  // Throws std::runtime_error("offset N: reason") when the text is not well-formed XML.
  static std::unique_ptr<XmlElement> Parse(const std::string& text) {
    XmlReader r(text);
    r.SkipMisc();
    if (r.pos_ >= text.size() || text[r.pos_] != '<') r.Fail("no root element");
    auto root = r.Element();
    r.SkipMisc();
    if (r.pos_ != text.size()) r.Fail("content after the root element");
    return root;
  }

 private:
  explicit XmlReader(const std::string& text) : s_(text) {}

  [[noreturn]] void Fail(const std::string& why) const {
    throw std::runtime_error("offset " + std::to_string(pos_) + ": " + why);
  }
  bool At(const char* prefix) const { return s_.compare(pos_, std::strlen(prefix), prefix) == 0; }
  void SkipTo(const char* end) {
    const size_t found = s_.find(end, pos_);
    if (found == std::string::npos) Fail(std::string("missing ") + end);
    pos_ = found + std::strlen(end);
  }
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  // Comments, processing instructions, a DOCTYPE (with an internal subset) and white space.
  void SkipMisc() {
    for (;;) {
      SkipSpace();
      if (At("<!--")) {
        SkipTo("-->");
      } else if (At("<?")) {
        SkipTo("?>");
      } else if (At("<!DOCTYPE")) {
        int depth = 0;
        for (; pos_ < s_.size(); ++pos_) {
          if (s_[pos_] == '[') ++depth;
          if (s_[pos_] == ']') --depth;
          if (s_[pos_] == '>' && depth == 0) break;
        }
        if (pos_++ >= s_.size()) Fail("unterminated DOCTYPE");
      } else {
        return;
      }
    }
  }
  std::string Name() {
    const size_t start = pos_;
    while (pos_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == ':' ||
            s_[pos_] == '_' || s_[pos_] == '-' || s_[pos_] == '.')) {
      ++pos_;
    }
    if (start == pos_) Fail("expected a name");
    return s_.substr(start, pos_ - start);
  }
  // Decodes the five predefined entities and character references.
  std::string Decode(const std::string& raw) {
    std::string out;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '<') Fail("'<' in character data");
      if (raw[i] != '&') {
        out += raw[i];
        continue;
      }
      const size_t end = raw.find(';', i);
      if (end == std::string::npos) Fail("'&' without ';'");
      const std::string entity = raw.substr(i + 1, end - i - 1);
      static const std::map<std::string, std::string> known = {
          {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
      if (known.count(entity)) {
        out += known.at(entity);
      } else if (entity.size() > 1 && entity[0] == '#') {
        const long code = entity[1] == 'x' ? std::stol(entity.substr(2), nullptr, 16)
                                           : std::stol(entity.substr(1));
        out += code < 128 ? std::string(1, static_cast<char>(code)) : std::string("?");
      } else {
        Fail("unknown entity &" + entity + ";");
      }
      i = end;
    }
    return out;
  }
  std::unique_ptr<XmlElement> Element() {
    auto e = std::make_unique<XmlElement>();
    ++pos_;  // '<'
    e->name = Name();
    for (;;) {
      SkipSpace();
      if (At("/>")) {
        pos_ += 2;
        return e;
      }
      if (At(">")) {
        ++pos_;
        break;
      }
      const std::string attribute = Name();
      SkipSpace();
      if (!At("=")) Fail("attribute " + attribute + " without a value");
      ++pos_;
      SkipSpace();
      const char quote = pos_ < s_.size() ? s_[pos_] : 0;
      if (quote != '"' && quote != '\'') Fail("attribute " + attribute + " not quoted");
      const size_t end = s_.find(quote, pos_ + 1);
      if (end == std::string::npos) Fail("unterminated attribute value");
      if (!e->attributes.emplace(attribute, Decode(s_.substr(pos_ + 1, end - pos_ - 1))).second) {
        Fail("attribute " + attribute + " given twice");
      }
      pos_ = end + 1;
    }
    for (;;) {
      if (pos_ >= s_.size()) Fail("<" + e->name + "> never closed");
      if (At("</")) {
        pos_ += 2;
        const std::string closing = Name();
        if (closing != e->name) Fail("</" + closing + "> closes <" + e->name + ">");
        SkipSpace();
        if (!At(">")) Fail("malformed end tag");
        ++pos_;
        return e;
      }
      if (At("<!--")) {
        SkipTo("-->");
      } else if (At("<![CDATA[")) {
        const size_t start = pos_ + 9;
        SkipTo("]]>");
        e->text += s_.substr(start, pos_ - 3 - start);
      } else if (At("<?")) {
        SkipTo("?>");
      } else if (At("<")) {
        e->children.push_back(Element());
      } else {
        const size_t end = s_.find('<', pos_);
        e->text +=
            Decode(s_.substr(pos_, end == std::string::npos ? std::string::npos : end - pos_));
        pos_ = end == std::string::npos ? s_.size() : end;
      }
    }
  }

  const std::string& s_;
  size_t pos_ = 0;
};

}  // namespace cost::testing_support

#endif  // COST_TESTS_XML_DOCUMENT_H_
