# cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P check_translations.cmake
# Updates copies of translations/*.ts from the sources (the README's lupdate command) and fails
# when a copy differs from the committed file or holds an unfinished translation.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
file(GLOB _committed ${SOURCE_DIR}/translations/*.ts)
if(NOT _committed)
  message(FATAL_ERROR "no translations/*.ts under ${SOURCE_DIR}")
endif()
set(_copies)
foreach(_ts IN LISTS _committed)
  get_filename_component(_name ${_ts} NAME)
  file(COPY_FILE ${_ts} ${WORK_DIR}/${_name})
  list(APPEND _copies ${WORK_DIR}/${_name})
endforeach()
execute_process(
  COMMAND ${LUPDATE} -no-obsolete -locations none -I . ui -ts ${_copies}
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${_rc}):\n${_out}")
endif()
set(_problems "")
foreach(_ts IN LISTS _committed)
  get_filename_component(_name ${_ts} NAME)
  file(READ ${_ts} _before)
  file(READ ${WORK_DIR}/${_name} _after)
  if(NOT _before STREQUAL _after)
    string(APPEND _problems "translations/${_name}: out of date with the sources' tr() strings "
      "(compare it with ${WORK_DIR}/${_name})\n")
  endif()
  string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\""
    _unfinished "${_after}")
  foreach(_entry IN LISTS _unfinished)
    string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" _text "${_entry}")
    string(APPEND _problems "translations/${_name}: no finished translation of \"${_text}\"\n")
  endforeach()
endforeach()
if(_problems)
  message(FATAL_ERROR "${_problems}Update: lupdate -no-obsolete -locations none -I . ui -ts "
    "translations/*.ts (from the source folder), then translate every unfinished entry.\n"
    "lupdate said:\n${_out}")
endif()
message(STATUS "translations complete: ${_committed}")
