# cmake -D SITE=<site folder> -D TEMPLATE=<shell/index.html> -P configure_page.cmake
#
# Writes <site>/index.html from the template with @HOTLINE_APP_VERSION@ = the first 16 hex
# digits of a SHA-256 over the files the page loads with "?v=" (their names and contents):
# the page's URLs of app.js, app.wasm, app.data, page.js and page.css change exactly when one
# of them does, so the server may let browsers cache them for a year (immutable).
set(_files app.js app.wasm app.data page.js page.css)
set(_digests "")
foreach(_file IN LISTS _files)
  if(NOT EXISTS "${SITE}/${_file}")
    message(FATAL_ERROR "configure_page: ${SITE}/${_file} is missing")
  endif()
  file(SHA256 "${SITE}/${_file}" _digest)
  string(APPEND _digests "${_file} ${_digest}\n")
endforeach()
string(SHA256 _version "${_digests}")
string(SUBSTRING "${_version}" 0 16 HOTLINE_APP_VERSION)
configure_file("${TEMPLATE}" "${SITE}/index.html" @ONLY)
